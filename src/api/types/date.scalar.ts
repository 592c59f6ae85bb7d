import { GraphQLScalarType, Kind } from 'graphql';

/**
 * `Date`: a calendar day as `YYYY-MM-DD` (Neo4j `date` values, e.g. Story.publishedOn).
 *
 * Input is taken as text here and checked by the resolver (../dates.ts) rather than in
 * parseValue/parseLiteral: a scalar that throws while parsing becomes a validation error that
 * cannot say which argument was wrong, and the contract is BAD_USER_INPUT with the `argument`.
 */
export const DateScalar = new GraphQLScalarType<string | null, string>({
  name: 'Date',
  description: 'A calendar day, `YYYY-MM-DD` (ISO 8601), e.g. 2023-03-08.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // Neo4j's Date prints itself as YYYY-MM-DD.
    if (value !== null && typeof value === 'object' && 'year' in value && 'month' in value && 'day' in value) return String(value);
    throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new TypeError(`a Date is a YYYY-MM-DD string, got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('a Date is a YYYY-MM-DD string');
    return ast.value;
  },
});
