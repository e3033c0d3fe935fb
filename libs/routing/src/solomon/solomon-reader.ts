/** One Solomon VRPTW instance; node 0 is the depot. */
export type SolomonInstance = {
  name: string;
  vehicles: number;
  capacity: number;
  x: Float64Array;
  y: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
};

/** An instance of `nodes` nodes (node 0 = depot) with every coordinate, demand and window zero, to be filled in. */
export function emptySolomonInstance(name: string, vehicles: number, capacity: number, nodes: number): SolomonInstance {
  return {
    name,
    vehicles,
    capacity,
    x: new Float64Array(nodes),
    y: new Float64Array(nodes),
    demand: new Float64Array(nodes),
    ready: new Float64Array(nodes),
    due: new Float64Array(nodes),
    service: new Float64Array(nodes),
  };
}

/** Parses the standard Solomon text format (header, VEHICLE block, then one row per node). */
export function readSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines[0];
  const vehicleHeader = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vehicleHeader < 0) throw new Error('Solomon: missing VEHICLE NUMBER/CAPACITY block');
  const [vehicles, capacity] = lines[vehicleHeader + 1].split(/\s+/).map(Number);
  const rows = lines
    .slice(vehicleHeader + 2)
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split(/\s+/).map(Number))
    .filter((cols) => cols.length >= 7);
  const n = rows.length;
  const instance = emptySolomonInstance(name, vehicles, capacity, n);
  rows.forEach((cols, i) => {
    if (cols[0] !== i) throw new Error(`Solomon: row ${i} has customer number ${cols[0]}`);
    instance.x[i] = cols[1];
    instance.y[i] = cols[2];
    instance.demand[i] = cols[3];
    instance.ready[i] = cols[4];
    instance.due[i] = cols[5];
    instance.service[i] = cols[6];
  });
  return instance;
}
