import type { Detector } from '../detector.js';

export const paymentsDetectors: Detector[] = [];
