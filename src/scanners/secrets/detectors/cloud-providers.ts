import type { Detector } from '../detector.js';

export const cloudProvidersDetectors: Detector[] = [];
