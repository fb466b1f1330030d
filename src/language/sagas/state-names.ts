/**
 * How an orchestrated saga's states are named when the model leaves them out.
 */

import { simpleName } from '../model/qualified-names';

const snakeCache = new Map<string, string>();

/** `OrderCreated` → `ORDER_CREATED`, `HTTPCallMade` → `HTTP_CALL_MADE`, `Step2Done` → `STEP2_DONE`. */
export function screamingSnake(name: string): string {
  let snake = snakeCache.get(name);
  if (snake === undefined) {
    if (snakeCache.size > 10_000) snakeCache.clear();
    snake = toScreamingSnake(name);
    snakeCache.set(name, snake);
  }
  return snake;
}

function toScreamingSnake(name: string): string {
  return simpleName(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** Default names of the states no clause names. */
export const defaultStates = {
  start: 'STARTED',
  completed: 'COMPLETED',
  failed: 'FAILED',
} as const;

/** The state a step reaches by default: its reply event (`ORDER_CREATED`), else `CREATE_ORDER_DONE`. */
export function derivedSuccessState(command: string, reply: string | undefined, index: number): string {
  if (reply) return screamingSnake(reply);
  const base = screamingSnake(command);
  return base ? `${base}_DONE` : `STEP_${index + 1}_DONE`;
}

/** The state a compensation reaches by default: `RELEASE_INVENTORY_DONE`. */
export function derivedCompensationState(command: string, index: number): string {
  const base = screamingSnake(command);
  return base ? `${base}_DONE` : `STEP_${index + 1}_UNDONE`;
}

/** Hands out derived names that do not clash with names already taken: `X`, then `X_2`, `X_3`, … */
export class StateNamer {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.taken.add(name);
  }

  unique(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
