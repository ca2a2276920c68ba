import type { Detector } from '../detector.js';

export const azureDetectors: Detector[] = [];
