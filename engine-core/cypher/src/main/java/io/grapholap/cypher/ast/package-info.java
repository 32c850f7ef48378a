/**
 * The syntax tree of an openCypher query, as {@link io.grapholap.cypher.CypherParser} builds it: a
 * {@link io.grapholap.cypher.ast.Query} of single queries joined by {@code UNION}, each a list of
 * {@link io.grapholap.cypher.ast.Clause clauses} over {@link io.grapholap.cypher.ast.Expression
 * expressions} and {@link io.grapholap.cypher.ast.PatternPart patterns}. Immutable records; names
 * are as written (escaped names without their backticks), keywords normalised.
 */
package io.grapholap.cypher.ast;
