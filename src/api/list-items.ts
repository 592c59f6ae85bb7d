/**
 * Items in every list inside a value (nested objects and lists included), counted with a stack
 * rather than recursion, so that a value nested 10 000 deep cannot overflow the call stack.
 * Used for list arguments (their cost) and for the records a request reads (its row budget).
 */
export function countListItems(value: unknown): number {
  let items = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (Array.isArray(next)) {
      items += next.length;
      for (const item of next) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const item of Object.values(next)) if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return items;
}
