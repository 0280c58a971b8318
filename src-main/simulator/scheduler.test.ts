import { StartChannelCommand, DescribeChannelCommand } from '@aws-sdk/client-medialive';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { ManualClock, MANUAL_CLOCK_START } from '../core/test-support/manual-clock';
import { SAFETY_STOP } from './seed';
import { sdkError } from './test-support/helpers';
import { useSchedulerSimulator } from './test-support/scheduler-rig';

const start = useSchedulerSimulator(9);

const at = (ms: number) => `at(${new Date(ms).toISOString().slice(0, 19)})`;
function stopSchedule(name: string, when: number, channelId: string): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: SAFETY_STOP.group,
    ScheduleExpression: at(when),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: 'arn:aws:scheduler:::aws-sdk:medialive:stopChannel',
      RoleArn: 'arn:aws:iam::123456789012:role/lunora-booth-safety-stop',
      Input: JSON.stringify({ ChannelId: channelId }),
    },
  };
}

describe('simulated EventBridge Scheduler (restJson1, as @aws-sdk/client-scheduler sends it)', () => {
  it('creates, reads, moves and deletes a schedule, with the errors AWS gives for each bad case', async () => {
    const { scheduler, channelId } = await start();
    const when = Date.now() + 3_600_000;
    const created = await scheduler.send(new CreateScheduleCommand(stopSchedule('lunora-a', when, channelId)));
    expect(created.ScheduleArn).toMatch(
      /^arn:aws:scheduler:[a-z0-9-]+:\d{12}:schedule\/lunora-booth-safety-stops\/lunora-a$/,
    );
    const read = await scheduler.send(new GetScheduleCommand({ Name: 'lunora-a', GroupName: SAFETY_STOP.group }));
    expect(read.ScheduleExpression).toBe(at(when));
    expect(read.ActionAfterCompletion).toBe('DELETE');
    expect(read.CreationDate).toBeInstanceOf(Date);
    expect(JSON.parse(read.Target?.Input ?? '{}')).toEqual({ ChannelId: channelId });

    const again = await sdkError(scheduler.send(new CreateScheduleCommand(stopSchedule('lunora-a', when, channelId))));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(['ConflictException', 409]);

    await scheduler.send(new UpdateScheduleCommand(stopSchedule('lunora-a', when + 60_000, channelId)));
    expect(
      (await scheduler.send(new GetScheduleCommand({ Name: 'lunora-a', GroupName: SAFETY_STOP.group })))
        .ScheduleExpression,
    ).toBe(at(when + 60_000));

    const past = await sdkError(
      scheduler.send(new CreateScheduleCommand(stopSchedule('lunora-b', Date.now() - 60_000, channelId))),
    );
    expect([past.name, past.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);

    await scheduler.send(new DeleteScheduleCommand({ Name: 'lunora-a', GroupName: SAFETY_STOP.group }));
    const gone = await sdkError(
      scheduler.send(new GetScheduleCommand({ Name: 'lunora-a', GroupName: SAFETY_STOP.group })),
    );
    expect([gone.name, gone.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 404]);
    const moveGone = await sdkError(
      scheduler.send(new UpdateScheduleCommand(stopSchedule('lunora-a', when, channelId))),
    );
    expect(moveGone.name).toBe('ResourceNotFoundException');
    const noGroup = await sdkError(
      scheduler.send(new CreateScheduleCommand({ ...stopSchedule('lunora-c', when, channelId), GroupName: 'nope' })),
    );
    expect(noGroup.name).toBe('ResourceNotFoundException');
  });

  it('fires at its time on the simulator clock: StopChannel on the channel, then the schedule is deleted', async () => {
    const clock = new ManualClock({ start: MANUAL_CLOCK_START });
    const { sim: running, scheduler, medialive, channelId } = await start(clock);
    await clock.run(medialive.send(new StartChannelCommand({ ChannelId: channelId })));
    await clock.advance(5_000);
    expect(running.control.channelState(channelId)).toBe('RUNNING');
    await clock.run(
      scheduler.send(new CreateScheduleCommand(stopSchedule('lunora-fire', MANUAL_CLOCK_START + 120_000, channelId))),
    );
    await clock.advance(100_000);
    expect(running.control.channelState(channelId)).toBe('RUNNING');
    await clock.advance(20_000);
    const state = (await clock.run(medialive.send(new DescribeChannelCommand({ ChannelId: channelId })))).State;
    expect(['STOPPING', 'IDLE']).toContain(state);
    expect(running.control.schedules.list()).toEqual([]);
    expect(running.control.schedules.fired).toEqual([
      expect.objectContaining({ name: 'lunora-fire', channelId, outcome: 'invoked' }),
    ]);
  });
});
