import type { Detector } from '../detector.js';

export const ciDetectors: Detector[] = [];
