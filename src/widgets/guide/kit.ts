/**
 * What the guide uses from modules every article page already loads (the scenarios and the timeline).
 * ./index.tsx hands it to the guide as a prop, and the guide's own files import it as a type only, so its
 * lazily loaded chunk depends on nothing but React and does not make the bundler split shared modules.
 */
import { loadScenario, preloadScenarios } from '../../content/scenarios';
import { EditingTimeline as Timeline } from '../timeline/EditingTimeline';

export const guideKit = { loadScenario, preloadScenarios, Timeline };

export type GuideKit = typeof guideKit;
