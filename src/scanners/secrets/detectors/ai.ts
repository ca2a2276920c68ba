import type { Detector } from '../detector.js';

export const aiDetectors: Detector[] = [];
