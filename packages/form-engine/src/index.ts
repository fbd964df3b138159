export * from './definition';
export * from './check-definition';
export * from './validate';
export * from './compose';
export * from './expression/evaluate';
export { ExpressionError } from './expression/lexer';
export type { EvalEnv } from './expression/functions';
/** The expression functions by name (the form designer lists them). */
export { functions as expressionFunctions } from './expression/functions';
export * from './validators/id-number';
export * from './readable-rows';
