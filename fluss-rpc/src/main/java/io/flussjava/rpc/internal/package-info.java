/**
 * Implementation of the RPC client: Netty pipeline, frame encoding and decoding, the per-connection
 * state machine and the SASL handshake. <b>Not API</b>: anything here may change without notice;
 * use {@link io.flussjava.rpc}.
 */
package io.flussjava.rpc.internal;
