import { GraphQLRequestError } from '../../../src/cli/client';
import { fitToCost } from '../../../src/cli/fit-cost';

const tooComplex = (extensions: Record<string, unknown>) =>
  new GraphQLRequestError([{ message: 'too complex', extensions: { code: 'QUERY_TOO_COMPLEX', ...extensions } }], 400);

describe('fitToCost', () => {
  it('scales the page down by the cost and limit the server names, then keeps that size', async () => {
    const asked: number[] = [];
    const server = async (n: number) => {
      asked.push(n);
      const cost = 10_000 + n * 5_000; // a walk plus 5,000 per item, as deep paths cost
      if (cost > 1_000_000) throw tooComplex({ cost, maxCost: 1_000_000 });
      return `page of ${n}`;
    };
    const { result, size } = await fitToCost(500, server);
    expect(asked).toEqual([500, 179]);
    expect({ result, size }).toEqual({ result: 'page of 179', size: 179 });
  });

  it('halves when the answer names no cost, and gives up at 1', async () => {
    const asked: number[] = [];
    await expect(
      fitToCost(8, async (n) => {
        asked.push(n);
        throw tooComplex({});
      }),
    ).rejects.toThrow(GraphQLRequestError);
    expect(asked).toEqual([8, 4, 2, 1]);
  });

  it('passes other errors, and a depth refusal, straight through', async () => {
    const notFound = new GraphQLRequestError([{ message: 'x', extensions: { code: 'NOT_FOUND' } }], 200);
    await expect(fitToCost(10, () => Promise.reject(notFound))).rejects.toBe(notFound);
    const deep = tooComplex({ maxDepth: 12 });
    await expect(fitToCost(10, () => Promise.reject(deep))).rejects.toBe(deep);
  });
});
