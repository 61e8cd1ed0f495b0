import { describe, expect, it } from "vitest";
import { createPriorityQueue } from "../../src/dag/priority-queue.js";

describe("createPriorityQueue()", () => {
  it("pops values smallest first, whatever the order they were pushed in", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const queue = createPriorityQueue<number>((a, b) => a - b, values.slice(0, 500));
    for (const v of values.slice(500)) queue.push(v);
    const popped: number[] = [];
    for (let v = queue.pop(); v !== undefined; v = queue.pop()) popped.push(v);
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(queue.size).toBe(0);
  });

  it("interleaves pushes and pops, and clear() empties it", () => {
    const queue = createPriorityQueue<string>((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    queue.push("c");
    queue.push("a");
    expect(queue.pop()).toBe("a");
    queue.push("b");
    expect([queue.pop(), queue.pop(), queue.pop()]).toEqual(["b", "c", undefined]);
    queue.push("x");
    queue.clear();
    expect(queue.size).toBe(0);
  });
});
