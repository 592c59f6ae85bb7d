import { inKeyOrder, keyedLoader } from '../../../src/api/loaders/keyed';

describe('the DataLoader batch contract', () => {
  it('answers one value per key, in key order, with the missing value for absent keys', () => {
    expect(inKeyOrder(['b', 'x', 'a'], new Map([['a', 1], ['b', 2]]), 0)).toEqual([2, 0, 1]);
  });

  it('batches the keys of one tick into one read and deduplicates them', async () => {
    const reads: string[][] = [];
    const loader = keyedLoader(async (keys) => {
      reads.push([...keys]);
      return new Map(keys.filter((key) => key !== 'none').map((key) => [key, key.toUpperCase()]));
    }, null);
    const values = await Promise.all([loader.load('b'), loader.load('a'), loader.load('b'), loader.load('none')]);
    expect(values).toEqual(['B', 'A', 'B', null]);
    expect(reads).toEqual([['b', 'a', 'none']]);
  });

  it('fails every key of a failed read with the cause', async () => {
    const loader = keyedLoader<string[]>(async () => {
      throw new Error('Neo4j unavailable');
    }, []);
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('Neo4j unavailable');
  });
});
