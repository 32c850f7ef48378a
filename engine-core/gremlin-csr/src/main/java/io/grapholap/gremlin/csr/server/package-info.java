/**
 * The Gremlin Server protocol glue (docs/gremlin-server.md): {@link io.grapholap.gremlin.csr.server.GremlinDriverProtocol}
 * implements the application's {@code DriverProtocol} port over the running instances that keep a
 * host CSR graph, so that TinkerPop's drivers reach each instance as the traversal source
 * {@code instance_<id>}. Frames in and out are TinkerPop's (gremlin-util serializers); who may do
 * what, limits and audit are the application's {@code DriverAccess}.
 */
package io.grapholap.gremlin.csr.server;
