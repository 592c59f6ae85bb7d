/** What a writer wrote, for the CLI summary and the tests. */
export interface WrittenCounts {
  nodes: number;
  edges: number;
}
