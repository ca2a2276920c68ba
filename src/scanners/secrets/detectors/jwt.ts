import type { Detector } from '../detector.js';

export const jwtDetectors: Detector[] = [];
