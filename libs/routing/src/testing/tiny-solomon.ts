import { Rng } from '../core/rng';
import { emptySolomonInstance, type SolomonInstance } from '../solomon/solomon-reader';

/** A random Solomon-style instance (node 0 = depot) for tests; windows tight enough to bind. */
export function randomSolomonInstance(seed: number, customers: number, vehicles: number, capacity = 50): SolomonInstance {
  const rng = new Rng(seed);
  const n = customers + 1;
  const inst = emptySolomonInstance(`random-${seed}`, vehicles, capacity, n);
  inst.x[0] = 50;
  inst.y[0] = 50;
  inst.due[0] = 400;
  for (let i = 1; i < n; i++) {
    inst.x[i] = rng.int(101);
    inst.y[i] = rng.int(101);
    inst.demand[i] = 1 + rng.int(20);
    inst.service[i] = 10;
    const reach = Math.hypot(inst.x[i] - 50, inst.y[i] - 50);
    const ready = Math.floor(reach + rng.next() * (300 - 2 * reach));
    inst.ready[i] = Math.max(0, ready);
    inst.due[i] = inst.ready[i] + 20 + rng.int(70);
  }
  return inst;
}
