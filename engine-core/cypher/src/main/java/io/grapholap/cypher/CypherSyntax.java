package io.grapholap.cypher;

import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.parse.CypherLexer;
import io.grapholap.cypher.parse.CypherParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads an openCypher query into its {@link Query syntax tree}, or throws a {@link CypherSyntaxException}
 * at the first error. Parses in ANTLR's fast SLL mode and falls back to full LL only for a text that
 * SLL cannot decide, the usual way to keep a large grammar quick on ordinary queries.
 */
public final class CypherSyntax {

    private CypherSyntax() {
    }

    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CypherSyntaxException("the query is empty", 1, 1, "", "UnexpectedSyntax");
        }
        CypherLexer lexer = new CypherLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        CypherParser parser = new CypherParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        CypherParser.StatementContext tree;
        try {
            tree = parser.statement();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new org.antlr.v4.runtime.DefaultErrorStrategy());
            parser.addErrorListener(FIRST_ERROR);
            tree = parser.statement();
        }
        return new TreeBuilder().query(tree.query());
    }

    /** Turns the first syntax error into an exception that names its position and token. */
    private static final BaseErrorListener FIRST_ERROR = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String message,
                                RecognitionException e) {
            String token = offending instanceof Token t && t.getType() != Token.EOF ? t.getText() : "";
            String what = token.isEmpty() ? "the query ends too early" : "unexpected '" + token + "'";
            int type = offending instanceof Token t ? t.getType() : Token.INVALID_TYPE;
            if (type == CypherLexer.UNICODE_DASH) {
                throw new CypherSyntaxException("invalid character '" + token + "': only '-' subtracts or negates", line, column + 1, token,
                        "InvalidUnicodeCharacter");
            }
            if (type == CypherLexer.InvalidNumber) {
                throw new CypherSyntaxException("invalid number '" + token + "'", line, column + 1, token, "InvalidNumberLiteral");
            }
            throw new CypherSyntaxException("invalid syntax: " + what + hint(message), line, column + 1, token, "UnexpectedSyntax");
        }
    };

    /** ANTLR's own message names the tokens it expected; keep that part, which helps, when it is short. */
    private static String hint(String message) {
        int at = message.indexOf("expecting ");
        if (at < 0) {
            return "";
        }
        String expecting = message.substring(at);
        return expecting.length() <= 160 ? "; " + expecting : "";
    }
}
