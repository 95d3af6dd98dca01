package io.flussjava.config;

/**
 * What fluss-java does with a key of the official client that it reads differently, to be logged
 * once when a connection is created.
 *
 * @param key the key as the user wrote it
 * @param warning whether the user asked for something fluss-java does not do (log as WARN) rather
 *     than set a value that changes nothing (INFO)
 * @param message the full sentence to log
 */
public record ConfigNote(String key, boolean warning, String message) {}
