import type { Detector } from '../detector.js';

export const hashicorpDetectors: Detector[] = [];
