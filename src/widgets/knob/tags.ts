/** The tags few pages use, as one chunk loaded with those pages (see lazy.tsx). */
export { Knob } from './Knob';
export { Result } from './Result';
export { Playground } from '../playground/Playground';
