import type { Detector } from '../detector.js';

export const productivityDetectors: Detector[] = [];
