/**
 * Lesson Hub events on the simulated Docker Hub (HubControl of
 * src/course/runtime/setup.ts): "the Hub publishes a newer mongo:3.2" points
 * the tag at the catalog's hidden next build (`3.2-fidelity-next`), exactly as
 * the fidelity kit's `hubctl retag library/mongo 3.2-fidelity-next 3.2` does
 * on the stand-in Hub of a real engine.
 */
import type { HubControl } from '../../course/runtime/setup';
import type { Engine } from '../../engine/engine';
import { parseNormalizedNamed, withDefaultTag } from '../../lib/reference/reference';

export function hubControl(engine: Engine): HubControl {
  return {
    async publish(ref: string): Promise<void> {
      const r = withDefaultTag(parseNormalizedNamed(ref));
      if (r.domain !== 'docker.io' || !r.tag) throw new Error(`${ref} is not a Docker Hub tag`);
      await engine.registries.hubReady();
      try {
        engine.registries.retag(r.path, `${r.tag}-fidelity-next`, r.tag);
      } catch {
        throw new Error(`the Hub has no newer build of ${ref}`);
      }
    },
  };
}
