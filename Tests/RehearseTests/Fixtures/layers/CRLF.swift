import Synchronization
import InterviewCore
