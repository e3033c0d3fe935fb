// The settings run.ts hands a comparison gateway's process (see comparison-processes.ts).
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
