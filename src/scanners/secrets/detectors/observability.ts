import type { Detector } from '../detector.js';

export const observabilityDetectors: Detector[] = [];
