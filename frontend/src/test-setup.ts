import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import './i18n';

// findBy*/waitFor give up after 1 s by default: on a busy two-core machine a page's first render
// with several mocked requests took longer (SelfServiceAreaPage, seen in a CI run), which says
// nothing about the page
configure({ asyncUtilTimeout: 5_000 });
