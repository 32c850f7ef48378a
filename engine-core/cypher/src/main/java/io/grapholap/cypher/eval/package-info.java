/**
 * Cypher values and expression evaluation, over any graph that implements
 * {@link io.grapholap.cypher.eval.CypherGraph}: the value model (numbers, strings, booleans, null,
 * lists, maps, nodes, relationships, paths), openCypher's three-valued logic, equality, comparison
 * and ordering, and the scalar, string, list, math and graph functions. Pattern matching and clauses
 * build on it.
 */
package io.grapholap.cypher.eval;
