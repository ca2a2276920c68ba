import type { Detector } from '../detector.js';

export const identityDetectors: Detector[] = [];
