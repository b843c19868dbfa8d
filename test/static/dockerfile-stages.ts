import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { readRepoFile } from './static-files.js';

/** One `FROM ... AS name` stage of a Dockerfile and its instructions, FROM included. */
export interface DockerfileStage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

/** The stages of the root Dockerfile, in order; the last one is the image that runs. */
export function readDockerfileStages(text = readRepoFile('Dockerfile')): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', , name = null] = argumentsOf(instruction);
      stages.push({ name, image, instructions: [] });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** The instruction's arguments as written, split on whitespace. */
export const argumentsOf = (instruction: Instruction) =>
  instruction.getArguments().map((argument) => argument.getValue());

/** The instructions of a stage with the given keyword (`RUN`, `COPY`, ...). */
export const instructionsOf = (stage: DockerfileStage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);

/** Whether the image that runs declares a HEALTHCHECK (`HEALTHCHECK NONE` does not count). */
export function finalStageHasHealthcheck(stages = readDockerfileStages()): boolean {
  const healthchecks = instructionsOf(stages.at(-1)!, 'HEALTHCHECK');
  return healthchecks.length > 0 && argumentsOf(healthchecks.at(-1)!)[0]?.toUpperCase() === 'CMD';
}

/** The stage's COPY instructions, typed so that `--from` can be read. */
export const copiesOf = (stage: DockerfileStage): Copy[] =>
  stage.instructions.filter((instruction): instruction is Copy => instruction instanceof Copy);
