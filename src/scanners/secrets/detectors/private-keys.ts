import type { Detector } from '../detector.js';

export const privateKeysDetectors: Detector[] = [];
