/** A binary min-heap: push and pop in O(log n), where a sorted array costs O(n) per insertion. */
export interface PriorityQueue<T> {
  readonly size: number;
  push(value: T): void;
  /** The smallest value by `compare`, removed; undefined when empty. */
  pop(): T | undefined;
  clear(): void;
}

export function createPriorityQueue<T>(compare: (a: T, b: T) => number, initial: readonly T[] = []): PriorityQueue<T> {
  const heap: T[] = [];
  const at = (i: number) => heap[i] as T;
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [at(j), at(i)];
  };
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(at(i), at(parent)) >= 0) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && compare(at(left), at(smallest)) < 0) smallest = left;
      if (right < heap.length && compare(at(right), at(smallest)) < 0) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  const queue: PriorityQueue<T> = {
    get size() {
      return heap.length;
    },
    push(value) {
      heap.push(value);
      up(heap.length - 1);
    },
    pop() {
      if (heap.length === 0) return undefined;
      const top = at(0);
      const last = heap.pop() as T;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
      return top;
    },
    clear() {
      heap.length = 0;
    },
  };
  for (const value of initial) queue.push(value);
  return queue;
}
