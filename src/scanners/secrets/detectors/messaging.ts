import type { Detector } from '../detector.js';

export const messagingDetectors: Detector[] = [];
