import type { Detector } from '../detector.js';

export const secretManagersDetectors: Detector[] = [];
