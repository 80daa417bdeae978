/**
 * Steps that cannot work on a real engine (lesson.yaml `simulatorOnly:` with
 * why, in both languages): on a real engine the runtime neither prepares nor
 * checks them, and explains, with the lesson's reason, that the simulator is
 * where they can be done. On the simulator they are ordinary steps.
 */
import type { CheckEnv } from '../checks/context';
import { say } from '../checks/say';
import type { LessonStep, Text } from '../model';

/** why `step` cannot be done on the engine `env` talks to, or undefined when it can */
export function needsSimulator(step: LessonStep, env: CheckEnv): Text | undefined {
  const why = step.simulatorOnly;
  if (!why || !env.client.remote) return undefined;
  return say(
    `This step cannot work on a real engine: ${why.en} Switch back to the simulator (the engine switch in the top bar) to do it; its checks run there.`,
    `这一步在真实引擎上无法完成：${why['zh-CN']} 请用顶栏的引擎开关切换回模拟器来完成它，检查会在那里进行。`,
  );
}
