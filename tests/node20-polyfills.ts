// vitest 5's reporter calls Map.groupBy, which Node 20 lacks (Node >= 21): without this a failing
// test crashes the reporter instead of being reported. Imported by the vitest configs (main process).
declare global {
  interface MapConstructor {
    groupBy<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]>;
  }
}

if (!Map.groupBy) {
  Map.groupBy = function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
}

export {};
