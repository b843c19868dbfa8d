import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { type LoginRequest, loginRequestSchema, type LoginResponse } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { LoginHandler } from './login.handler.js';

@Controller('api/auth')
export class LoginController {
  constructor(private readonly login: LoginHandler) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  execute(
    @Body(new ZodValidationPipe(loginRequestSchema)) credentials: LoginRequest,
  ): Promise<LoginResponse> {
    return this.login.execute(credentials);
  }
}
