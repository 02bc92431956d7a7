import { silenceSdkNodeVersionWarning } from '../../shared/local/quiet-warnings';

silenceSdkNodeVersionWarning();
