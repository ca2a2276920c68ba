import type { Detector } from '../detector.js';

export const configFilesDetectors: Detector[] = [];
