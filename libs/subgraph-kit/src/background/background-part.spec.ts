import { backgroundPart, releasePart, startBackground, stopBackground, type BackgroundPart } from './background-part';

describe('background parts', () => {
  const recorder = () => {
    const steps: string[] = [];
    const part = (name: string, failStart = false): BackgroundPart =>
      backgroundPart(name, async () => {
        if (failStart) throw new Error(`${name} cannot start`);
        steps.push(`start ${name}`);
        return () => {
          steps.push(`stop ${name}`);
        };
      });
    return { steps, part };
  };

  it('start in order and stop in reverse', async () => {
    const { steps, part } = recorder();
    const stop = await startBackground([part('clock'), part('consumer'), part('relay')]);
    await stop();
    expect(steps).toEqual(['start clock', 'start consumer', 'start relay', 'stop relay', 'stop consumer', 'stop clock']);
  });

  it('a part that fails to start stops the ones started before it, and its error is thrown', async () => {
    const { steps, part } = recorder();
    await expect(startBackground([part('clock'), part('consumer'), part('relay', true)])).rejects.toThrow('relay cannot start');
    expect(steps).toEqual(['start clock', 'start consumer', 'stop consumer', 'stop clock']);
  });

  it('stopping what never started releases only what the services opened', async () => {
    const { steps, part } = recorder();
    await stopBackground([releasePart('queue', () => void steps.push('release queue')), part('relay')]);
    expect(steps).toEqual(['release queue']);
  });

  it('a part that fails to stop does not keep the others running', async () => {
    const { steps, part } = recorder();
    const failing: BackgroundPart = { name: 'sweep', start: async () => undefined, stop: () => Promise.reject(new Error('lease lost')) };
    const stop = await startBackground([part('clock'), failing]);
    await expect(stop()).rejects.toThrow('lease lost');
    expect(steps).toEqual(['start clock', 'stop clock']);
  });
});
