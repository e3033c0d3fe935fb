import { Queue, Worker, type Processor, type QueueOptions, type WorkerOptions } from 'bullmq';
import { ESCALATION_QUEUE, RETURN_DEADLINE_QUEUE } from '../queue-names';

/** The product's queues that hold durable timers (each listed in `PRODUCT_QUEUES`). */
export type TimerQueue = typeof ESCALATION_QUEUE | typeof RETURN_DEADLINE_QUEUE;

// Each timer queue opens by its listed constant, so the queue-names check sees every queue the
// product opens; a new timer queue is added to the list and here.
const QUEUES: { [name in TimerQueue]: <T>(options: QueueOptions) => Queue<T> } = {
  [ESCALATION_QUEUE]: (options) => new Queue(ESCALATION_QUEUE, options),
  [RETURN_DEADLINE_QUEUE]: (options) => new Queue(RETURN_DEADLINE_QUEUE, options),
};

const WORKERS: { [name in TimerQueue]: <T>(processor: Processor<T>, options: WorkerOptions) => Worker<T> } = {
  [ESCALATION_QUEUE]: (processor, options) => new Worker(ESCALATION_QUEUE, processor, options),
  [RETURN_DEADLINE_QUEUE]: (processor, options) => new Worker(RETURN_DEADLINE_QUEUE, processor, options),
};

export function openTimerQueue<T>(name: TimerQueue, options: QueueOptions): Queue<T> {
  return QUEUES[name]<T>(options);
}

export function openTimerWorker<T>(name: TimerQueue, processor: Processor<T>, options: WorkerOptions): Worker<T> {
  return WORKERS[name]<T>(processor, options);
}
