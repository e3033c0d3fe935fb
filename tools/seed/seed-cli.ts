// Loads the demo data through a running gateway: GATEWAY_URL (default http://127.0.0.1:4000/graphql).
import { seedDemo } from './seed-demo';

seedDemo(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql').catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
