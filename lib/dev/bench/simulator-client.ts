/** The simulator's control API as the benches use it beyond creating scenarios (README, "The Azure simulator"). */

/** When the simulator received each request for one scenario (ms since the epoch). */
export async function requestTimes(simulatorUrl: string, id: string): Promise<number[]> {
  const response = await fetch(`${simulatorUrl}/_sim/operations/${encodeURIComponent(id)}/requests`);
  if (!response.ok) throw new Error(`the simulator's request log for ${id} answered ${response.status}`);
  const { requests } = (await response.json()) as { requests: { at: string }[] };
  return requests.map((request) => Date.parse(request.at));
}

/** `fn` over every item with at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
