/**
 * The engine API as the worker exposes it: the service's methods, except that a frame's typed
 * arrays are marked for transfer, so the page receives their buffers instead of copies and the
 * worker's copies become empty. Kept apart from the worker's entry file so that tests can expose
 * the very same object over a MessageChannel.
 */
import * as Comlink from 'comlink';
import type { EngineService } from './engineService.ts';
import { frameTransferables } from './frameBuilder.ts';
import type { EngineApi, Frame } from './protocol.ts';

export function transferringApi(service: EngineService): EngineApi {
  return {
    load: (scenario) => service.load(scenario),
    play: () => service.play(),
    pause: () => service.pause(),
    step: () => service.step(),
    setSpeed: (speed) => service.setSpeed(speed),
    reset: () => service.reset(),
    apply: (patch) => service.apply(patch),
    frame: (wallNowMs): Frame => {
      const frame = service.frame(wallNowMs);
      return Comlink.transfer(frame, frameTransferables(frame));
    },
    history: () => service.history(),
    select: (target) => service.select(target),
    ping: () => service.ping(),
  };
}
