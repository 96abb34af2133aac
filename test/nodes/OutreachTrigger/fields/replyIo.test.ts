import { REPLYIO_FIELDS } from '../../../../nodes/OutreachTrigger/fields/replyIo';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('replyIo', 'Reply.io', REPLYIO_FIELDS);
