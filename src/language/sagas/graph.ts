/**
 * Strongly connected components (Tarjan), iterative so that deep graphs cannot overflow the stack.
 */

/**
 * The strongly connected components of the graph with nodes `0 … count-1`.
 * Components come out in reverse topological order; each lists its nodes in ascending order.
 */
export function stronglyConnectedComponents(count: number, successors: (node: number) => readonly number[]): number[][] {
  const index: number[] = new Array<number>(count).fill(-1);
  const low: number[] = new Array<number>(count).fill(0);
  const onStack: boolean[] = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    // each frame: a node and the position of the next successor to visit
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const [node, position] = frame;
      const out = successors(node);
      if (position < out.length) {
        frame[1]++;
        const target = out[position]!;
        if (index[target] === -1) {
          index[target] = low[target] = next++;
          stack.push(target);
          onStack[target] = true;
          frames.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node]!, index[target]!);
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}

/** The components that form a loop: more than one node, or one node with an edge to itself. */
export function cyclesOf(count: number, successors: (node: number) => readonly number[]): number[][] {
  return stronglyConnectedComponents(count, successors).filter(
    (component) => component.length > 1 || successors(component[0]!).includes(component[0]!),
  );
}
