/**
 * The Fluss RPC client: {@link io.flussjava.rpc.RpcClient} opens one pipelined {@link
 * io.flussjava.rpc.ServerConnection} per server, and {@link io.flussjava.rpc.ApiMethods} names
 * every API with its protobuf request and response types (package {@code
 * io.flussjava.rpc.protocol}, generated from {@code fluss_api.proto}).
 */
package io.flussjava.rpc;
