/*
 * openCypher 9 as the TCK exercises it, written for GraphOLAP from the openCypher specification's
 * syntax. The grammar is deliberately loose where a rule is better checked on the tree with a clear
 * message (the order of clauses, where aggregates may stand, which clauses write): it accepts every
 * clause sequence and CypherTreeBuilder refuses the wrong ones with the clause's position.
 * Keywords are case-insensitive; names are case-sensitive.
 */
grammar Cypher;

statement : query SEMI? EOF ;

query : singleQuery unionPart* ;

unionPart : UNION ALL? singleQuery ;

singleQuery : clause+ ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | callClause
  | createClause
  | mergeClause
  | setClause
  | deleteClause
  | removeClause
  | foreachClause
  | loadCsvClause
  ;

matchClause : OPTIONAL? MATCH pattern whereClause? ;

unwindClause : UNWIND expression AS variable ;

withClause : WITH projectionBody whereClause? ;

returnClause : RETURN projectionBody ;

projectionBody : DISTINCT? projectionItems orderBy? skip? limit? ;

projectionItems
  : STAR (COMMA projectionItem)*
  | projectionItem (COMMA projectionItem)*
  ;

projectionItem : expression (AS variable)? ;

orderBy : ORDER BY sortItem (COMMA sortItem)* ;

sortItem : expression (ASCENDING | ASC | DESCENDING | DESC)? ;

skip : SKIP_ expression ;

limit : LIMIT expression ;

whereClause : WHERE expression ;

callClause : CALL procedureName (LPAREN (expression (COMMA expression)*)? RPAREN)? (YIELD yieldItems)? ;

procedureName : (symbolicName DOT)* symbolicName ;

yieldItems
  : STAR
  | MINUS
  | yieldItem (COMMA yieldItem)* whereClause?
  ;

yieldItem : (symbolicName AS)? variable ;

createClause : CREATE pattern ;

mergeClause : MERGE patternPart mergeAction* ;

mergeAction : ON (MATCH | CREATE) setClause ;

setClause : SET setItem (COMMA setItem)* ;

setItem
  : propertyExpression EQ expression
  | variable EQ expression
  | variable PLUS_EQ expression
  | variable nodeLabels
  ;

deleteClause : DETACH? DELETE expression (COMMA expression)* ;

removeClause : REMOVE removeItem (COMMA removeItem)* ;

removeItem
  : variable nodeLabels
  | propertyExpression
  ;

foreachClause : FOREACH LPAREN variable IN expression PIPE clause+ RPAREN ;

loadCsvClause : LOAD CSV (WITH HEADERS)? FROM expression AS variable (FIELDTERMINATOR StringLiteral)? ;

// ---- patterns

pattern : patternPart (COMMA patternPart)* ;

patternPart : (variable EQ)? patternElement ;

patternElement
  : nodePattern patternElementChain*
  | LPAREN patternElement RPAREN
  ;

patternElementChain : relationshipPattern nodePattern ;

nodePattern : LPAREN variable? nodeLabels? properties? RPAREN ;

relationshipPattern
  : LT dash relationshipDetail? dash GT
  | LT dash relationshipDetail? dash
  | dash relationshipDetail? dash GT
  | dash relationshipDetail? dash
  ;

// Patterns accept the Unicode dashes too; arithmetic takes '-' only.
dash : MINUS | UNICODE_DASH ;

relationshipDetail : LBRACKET variable? relationshipTypes? rangeLiteral? properties? RBRACKET ;

properties : mapLiteral | parameter ;

relationshipTypes : COLON relTypeName (PIPE COLON? relTypeName)* ;

nodeLabels : (COLON labelName)+ ;

// Loose on purpose: a missing '*' and negative bounds parse, so that the tree builder can name the mistake.
rangeLiteral
  : STAR rangeBound? (DOTDOT rangeBound?)?
  | DOTDOT rangeBound?
  ;

rangeBound : MINUS? integerLiteral ;

labelName : schemaName ;

relTypeName : schemaName ;

// ---- expressions, loosest binding first

expression : orExpression ;

orExpression : xorExpression (OR xorExpression)* ;

xorExpression : andExpression (XOR andExpression)* ;

andExpression : notExpression (AND notExpression)* ;

notExpression : NOT* comparisonExpression ;

comparisonExpression : addOrSubtractExpression (comparisonOperator addOrSubtractExpression)* ;

comparisonOperator : EQ | NEQ | LT | GT | LTE | GTE | REGEX_MATCH ;

addOrSubtractExpression : multiplyDivideModuloExpression ((PLUS | MINUS) multiplyDivideModuloExpression)* ;

multiplyDivideModuloExpression : powerOfExpression ((STAR | SLASH | PERCENT) powerOfExpression)* ;

powerOfExpression : unaryAddOrSubtractExpression (CARET unaryAddOrSubtractExpression)* ;

unaryAddOrSubtractExpression : (PLUS | MINUS)* stringListNullOperatorExpression ;

stringListNullOperatorExpression : propertyOrLabelsExpression postfixOperator* ;

postfixOperator
  : STARTS WITH propertyOrLabelsExpression                               # startsWith
  | ENDS WITH propertyOrLabelsExpression                                 # endsWith
  | CONTAINS propertyOrLabelsExpression                                  # contains
  | IN propertyOrLabelsExpression                                        # inList
  | LBRACKET expression RBRACKET                                         # subscript
  | LBRACKET from=expression? DOTDOT to=expression? RBRACKET             # slice
  | IS NULL                                                              # isNull
  | IS NOT NULL                                                          # isNotNull
  ;

propertyOrLabelsExpression : atom propertyLookup* nodeLabels? ;

propertyLookup : DOT propertyKeyName ;

propertyExpression : atom propertyLookup+ ;

atom
  : literal                                                              # literalAtom
  | parameter                                                            # parameterAtom
  | caseExpression                                                       # caseAtom
  | COUNT LPAREN STAR RPAREN                                             # countStar
  | listComprehension                                                    # listComprehensionAtom
  | patternComprehension                                                 # patternComprehensionAtom
  | quantifier LPAREN filterExpression RPAREN                            # quantifierAtom
  | relationshipsPattern                                                 # patternPredicate
  | LPAREN expression RPAREN                                             # parenthesized
  | functionInvocation                                                   # functionAtom
  | variable                                                             # variableAtom
  ;

quantifier : ALL | ANY | NONE | SINGLE ;

filterExpression : variable IN expression whereClause? ;

relationshipsPattern : nodePattern patternElementChain+ ;

listComprehension : LBRACKET filterExpression (PIPE expression)? RBRACKET ;

patternComprehension : LBRACKET (variable EQ)? relationshipsPattern (WHERE expression)? PIPE expression RBRACKET ;

caseExpression : CASE subject=expression? caseAlternative+ (ELSE otherwise=expression)? END ;

caseAlternative : WHEN when=expression THEN then=expression ;

functionInvocation : functionName LPAREN DISTINCT? (expression (COMMA expression)*)? RPAREN ;

functionName : (symbolicName DOT)* symbolicName ;

parameter : DOLLAR (schemaName | DecimalInteger) ;

literal
  : numberLiteral                                                        # number
  | StringLiteral                                                        # string
  | TRUE                                                                 # true
  | FALSE                                                                # false
  | NULL                                                                 # null
  | mapLiteral                                                           # map
  | listLiteral                                                          # list
  ;

numberLiteral : doubleLiteral | integerLiteral ;

integerLiteral : HexInteger | OctalInteger | DecimalInteger ;

doubleLiteral : ExponentDecimalReal | RegularDecimalReal ;

listLiteral : LBRACKET (expression (COMMA expression)*)? RBRACKET ;

mapLiteral : LBRACE (propertyKeyName COLON expression (COMMA propertyKeyName COLON expression)*)? RBRACE ;

propertyKeyName : schemaName ;

variable : symbolicName ;

schemaName : symbolicName | reservedWord ;

// Names that are keywords elsewhere but may name variables and functions.
symbolicName
  : UnescapedSymbolicName
  | EscapedSymbolicName
  | COUNT | EXISTS | FILTER | EXTRACT | ANY | NONE | SINGLE | ALL
  | ASC | ASCENDING | DESC | DESCENDING | HEADERS | FIELDTERMINATOR | CSV | LOAD
  ;

reservedWord
  : MATCH | OPTIONAL | UNWIND | AS | WITH | RETURN | DISTINCT | ORDER | BY | SKIP_ | LIMIT | WHERE
  | CALL | YIELD | CREATE | MERGE | ON | SET | DETACH | DELETE | REMOVE | FOREACH | FROM | UNION
  | OR | XOR | AND | NOT | IN | STARTS | ENDS | CONTAINS | IS | NULL | TRUE | FALSE | CASE | WHEN
  | THEN | ELSE | END
  ;

// ---- lexer

MATCH : M A T C H ;
OPTIONAL : O P T I O N A L ;
UNWIND : U N W I N D ;
AS : A S ;
WITH : W I T H ;
RETURN : R E T U R N ;
DISTINCT : D I S T I N C T ;
ORDER : O R D E R ;
BY : B Y ;
SKIP_ : S K I P ;
LIMIT : L I M I T ;
ASCENDING : A S C E N D I N G ;
ASC : A S C ;
DESCENDING : D E S C E N D I N G ;
DESC : D E S C ;
WHERE : W H E R E ;
CALL : C A L L ;
YIELD : Y I E L D ;
CREATE : C R E A T E ;
MERGE : M E R G E ;
ON : O N ;
SET : S E T ;
DETACH : D E T A C H ;
DELETE : D E L E T E ;
REMOVE : R E M O V E ;
FOREACH : F O R E A C H ;
LOAD : L O A D ;
CSV : C S V ;
HEADERS : H E A D E R S ;
FROM : F R O M ;
FIELDTERMINATOR : F I E L D T E R M I N A T O R ;
UNION : U N I O N ;
ALL : A L L ;
OR : O R ;
XOR : X O R ;
AND : A N D ;
NOT : N O T ;
IN : I N ;
STARTS : S T A R T S ;
ENDS : E N D S ;
CONTAINS : C O N T A I N S ;
IS : I S ;
NULL : N U L L ;
TRUE : T R U E ;
FALSE : F A L S E ;
COUNT : C O U N T ;
CASE : C A S E ;
WHEN : W H E N ;
THEN : T H E N ;
ELSE : E L S E ;
END : E N D ;
ANY : A N Y ;
NONE : N O N E ;
SINGLE : S I N G L E ;
FILTER : F I L T E R ;
EXTRACT : E X T R A C T ;
EXISTS : E X I S T S ;

EQ : '=' ;
NEQ : '<>' ;
LTE : '<=' ;
GTE : '>=' ;
LT : '<' ;
GT : '>' ;
REGEX_MATCH : '=~' ;
PLUS_EQ : '+=' ;
PLUS : '+' ;
MINUS : '-' ;
UNICODE_DASH : [\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D] ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;
DOTDOT : '..' ;
DOT : '.' ;
COMMA : ',' ;
COLON : ':' ;
SEMI : ';' ;
PIPE : '|' ;
DOLLAR : '$' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;

HexInteger : '0' X HexDigit+ ;
OctalInteger : '0' O? OctDigit+ ;
DecimalInteger : '0' | [1-9] Digit* ;
ExponentDecimalReal : (Digit+ | Digit+ '.' Digit+ | '.' Digit+) E '-'? Digit+ ;
RegularDecimalReal : Digit* '.' Digit+ ;

StringLiteral
  : '"' (~["\\] | EscapedChar)* '"'
  | '\'' (~['\\] | EscapedChar)* '\''
  ;

// Any escaped character lexes; the tree builder refuses unknown escapes and bad \\u digits with their own messages.
fragment EscapedChar : '\\' . ;

// A number run into letters ("0x23G34", "12abc"): one token, so that the error names it as a bad number.
// Valid numbers above match as long or longer and come first, so they win.
InvalidNumber : Digit [0-9a-zA-Z_]* ;

UnescapedSymbolicName : IdentifierStart IdentifierPart* ;

EscapedSymbolicName : ('`' ~[`]* '`')+ ;

WS : [ \t\r\n\u000B\u000C\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u001C-\u001F]+ -> skip ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

// Anything else is one token, so that a syntax error names it rather than failing in the lexer.
ERROR_CHAR : . ;

fragment IdentifierStart : [\p{ID_Start}] | '_' | [\p{Pc}] ;
fragment IdentifierPart : [\p{ID_Continue}] | [\p{Sc}] ;
fragment Digit : [0-9] ;
fragment OctDigit : [0-7] ;
fragment HexDigit : [0-9a-fA-F] ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ; fragment E : [eE] ;
fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ; fragment I : [iI] ; fragment J : [jJ] ;
fragment K : [kK] ; fragment L : [lL] ; fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ;
fragment P : [pP] ; fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ; fragment Y : [yY] ;
fragment Z : [zZ] ;
