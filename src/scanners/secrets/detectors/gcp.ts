import type { Detector } from '../detector.js';

export const gcpDetectors: Detector[] = [];
